// NotificationHost over Electron's Notification. The core decides whether and what to show
// (electron/core/service/job-notifier.ts); this shows it and, on a click, brings the window
// forward and tells the page which job and picture to open.
import type { BrowserWindow, Notification, NotificationConstructorOptions } from 'electron';
import type { JobNotification, NotificationHost } from '../core/service/job-notifier';

export interface NotificationDeps {
  Notification: { new (options: NotificationConstructorOptions): Notification; isSupported(): boolean };
  window: () => Pick<BrowserWindow, 'isFocused' | 'isMinimized' | 'restore' | 'show' | 'focus' | 'isDestroyed'> | null;
  /** A click: the page should show this job or picture (sent as notification.clicked). */
  onClick: (notification: JobNotification) => void;
}

export function desktopNotificationHost(deps: NotificationDeps): NotificationHost {
  // Electron drops a Notification that is garbage-collected before it is clicked; keep them.
  const showing = new Set<Notification>();
  return {
    isSupported: () => deps.Notification.isSupported(),
    isWindowFocused() {
      const window = deps.window();
      return window !== null && !window.isDestroyed() && window.isFocused();
    },
    show(content) {
      const notification = new deps.Notification({
        title: content.title,
        body: content.body,
        ...(content.iconPath ? { icon: content.iconPath } : {}),
        silent: false,
      });
      showing.add(notification);
      const forget = () => showing.delete(notification);
      notification.on('click', () => {
        forget();
        const window = deps.window();
        if (window && !window.isDestroyed()) {
          if (window.isMinimized()) window.restore();
          window.show();
          window.focus();
        }
        deps.onClick(content);
      });
      notification.on('close', forget);
      notification.show();
    },
  };
}
