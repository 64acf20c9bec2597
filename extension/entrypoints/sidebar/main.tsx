import { render } from 'preact';
import { App } from '../../sidebar/App';
import '../../sidebar/sidebar.css';

render(<App />, document.getElementById('app')!);
