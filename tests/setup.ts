// Unit-test setup: an in-memory IndexedDB for the data layer (fake-indexeddb) and DOM matchers cleanup.
import 'fake-indexeddb/auto'
