import type { Session } from 'electron';

/** The subset of Session the guard touches, so tests can hand it a fake. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/**
 * Camera, microphone, geolocation, notifications, clipboard reads, HID/serial/USB devices…:
 * the studio needs none of them from web content. Native notifications come from main, not
 * from the page. A feature that needs one gets a named exception here, for the app origin only.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
