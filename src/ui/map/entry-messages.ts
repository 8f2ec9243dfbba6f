// The only map strings shown before the map chunk loads: the "Peta" tab and the form's "Pilih di peta" button.
// Kept apart from messages.ts so that the first screen carries two strings, not the whole map dictionary.
import type { Messages } from '../i18n'

export const mapEntryMessages: Messages = {
  id: { 'nav.map': 'Peta', 'location.pickOnMap': 'Pilih di peta' },
  en: { 'nav.map': 'Map', 'location.pickOnMap': 'Pick on map' },
}
