document.getElementById('app')!.textContent = 'phase-crm';
