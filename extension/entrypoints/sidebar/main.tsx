import { render } from 'preact';
import { lang } from '../../i18n';
import { App } from '../../sidebar/App';
import '../../sidebar/sidebar.css';
import { guardClicks } from '../../sidebar/visibility-guard';
import { coveredClick } from '../../sidebar/store';

guardClicks(document, () => (coveredClick.value = Date.now()));
// screen readers and spelling follow the interface's language
document.documentElement.lang = lang;
render(<App />, document.getElementById('app')!);
