import { render } from 'preact';
import { lang } from '../../i18n';
import { Dashboard } from '../../dashboard/Dashboard';
import '../../dashboard/dashboard.css';

// screen readers and spelling follow the interface's language
document.documentElement.lang = lang;
render(<Dashboard />, document.getElementById('app')!);
