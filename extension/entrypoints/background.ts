import { browser } from 'wxt/browser';
import { handleMessage } from '../background/handlers';
import { flushDue, OUTBOX_ALARM } from '../background/delivery';
import { onCommand } from '../background/commands';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, () => sendResponse({ ok: false, trouble: 'refused', message: 'Something went wrong in the extension' }));
    return true;
  });
  browser.commands.onCommand.addListener((command) => void onCommand(command));
  browser.action.onClicked.addListener(() => browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }));
  // the outbox empties by itself: on a timer, when the browser starts, and whenever the worker wakes
  void browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === OUTBOX_ALARM && void flushDue(false));
  browser.runtime.onStartup.addListener(() => void flushDue(true));
  void flushDue(true);
});
