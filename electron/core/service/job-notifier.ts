// The core's Notifier for a desktop: decides whether a finished job deserves a notification
// (the setting, and whether the window already has the person's attention) and what it says.
// Showing it is the host's: main uses Electron's Notification (electron/main/desktop-notifications.ts).
import type { JobRecord } from '../../../shared/domain';
import type { Settings } from '../../../shared/contract-settings';
import type { Notifier } from '../jobs/job-runner';
import type { Thumbnails } from '../library/thumbnails';
import { imageIdFor } from '../library/library-layout';

export interface JobNotification {
  title: string;
  body: string;
  /** A PNG of the first picture, where there is one (ignored by macOS, which shows the app icon). */
  iconPath: string | null;
  jobId: string;
  /** The picture a click should open; null when the job saved none. */
  imageId: string | null;
}

export interface NotificationHost {
  isSupported(): boolean;
  isWindowFocused(): boolean;
  show(notification: JobNotification): void;
}

export interface JobNotifierOptions {
  settings: { get(): Pick<Settings, 'notifications'> };
  host: NotificationHost;
  thumbnails?: Pick<Thumbnails, 'get'>;
  /** Where a failure to build the icon is reported; the notification is shown without one. */
  log?: (message: string) => void;
}

const PROMPT_CHARS = 90;

export function shouldNotify(notifications: Settings['notifications'], windowFocused: boolean): boolean {
  if (!notifications.enabled) return false;
  return !(notifications.onlyWhenUnfocused && windowFocused);
}

export function describeFinishedJob(job: JobRecord): Omit<JobNotification, 'iconPath'> | null {
  const saved = job.results.filter((r) => r.saved);
  const prompt = job.request.prompt.length > PROMPT_CHARS ? `${job.request.prompt.slice(0, PROMPT_CHARS - 1)}…` : job.request.prompt;
  const first = saved[0];
  const imageId = first ? imageIdFor(job.id, first.index) : null;
  if (job.state === 'completed') {
    return { title: saved.length > 1 ? `${saved.length} pictures ready` : 'Picture ready', body: prompt, jobId: job.id, imageId };
  }
  if (job.state === 'failed') return { title: 'Generation failed', body: job.error?.message ?? prompt, jobId: job.id, imageId };
  if (job.state === 'expired') return { title: 'Results expired at the vendor', body: job.error?.message ?? prompt, jobId: job.id, imageId };
  return null;
}

export function createJobNotifier(options: JobNotifierOptions): Notifier {
  const show = async (job: JobRecord): Promise<void> => {
    if (!options.host.isSupported()) return;
    if (!shouldNotify(options.settings.get().notifications, options.host.isWindowFocused())) return;
    const content = describeFinishedJob(job);
    if (content === null) return;
    const picture = job.results.find((r) => r.saved)?.saved?.path;
    let iconPath: string | null = null;
    if (picture && options.thumbnails) {
      try {
        iconPath = await options.thumbnails.get(picture, 256, 'png');
      } catch {
        options.log?.(`No notification icon for job ${job.id}: its picture could not be read.`);
      }
    }
    options.host.show({ ...content, iconPath });
  };
  return {
    jobFinished(job) {
      void show(job).catch((error: unknown) => options.log?.(`Notification for job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`));
    },
  };
}
