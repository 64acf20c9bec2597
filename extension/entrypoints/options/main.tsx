import { render } from 'preact';
import { lang } from '../../i18n';
import { OptionsPage } from '../../options/OptionsPage';
import '../../options/options.css';

// screen readers and spelling follow the interface's language
document.documentElement.lang = lang;
render(<OptionsPage />, document.getElementById('app')!);
