import { render } from 'preact';
import { lang } from '../../i18n';
import { App } from '../../sidebar/App';
import '../../sidebar/sidebar.css';
import { guardClicks } from '../../sidebar/visibility-guard';
import { coveredClick, token } from '../../sidebar/store';
import { askVisible } from '../../messaging/frame-channel';

guardClicks(
  document,
  () => (coveredClick.value = Date.now()),
  () => askVisible(token.value),
);
// screen readers and spelling follow the interface's language
document.documentElement.lang = lang;
render(<App />, document.getElementById('app')!);
