import { render } from 'preact';
import { Dashboard } from '../../dashboard/Dashboard';
import '../../dashboard/dashboard.css';

render(<Dashboard />, document.getElementById('app')!);
