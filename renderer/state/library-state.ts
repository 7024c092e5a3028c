// The library changes under the window (a job saves a picture, a favourite is set elsewhere);
// `library.changed` bumps this version and open queries reload.
import { createStore } from './external-store';

export const libraryVersion = createStore(0);
