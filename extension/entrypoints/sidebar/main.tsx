import { render } from 'preact';
import { App } from '../../sidebar/App';
import '../../sidebar/sidebar.css';
import { guardClicks } from '../../sidebar/visibility-guard';
import { coveredClick } from '../../sidebar/store';

guardClicks(document, () => (coveredClick.value = Date.now()));
render(<App />, document.getElementById('app')!);
