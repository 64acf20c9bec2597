import { browser } from 'wxt/browser';
import { handleMessage } from '../background/handlers';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, () =>
      sendResponse({ ok: false, trouble: 'refused', message: 'Something went wrong in the extension' }),
    );
    return true;
  });
  browser.action.onClicked.addListener(() => browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }));
});
