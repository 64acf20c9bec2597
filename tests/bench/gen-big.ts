import { openDb } from '../../server/db/client';
import { bigHistory } from './big-history';
const db = await openDb({ url: 'file:/tmp/bigdb/db.sqlite' });
const end = Date.UTC(2026, 10, 1);
const h = await bigHistory(db, { phaseChanges: 1_000_000, activities: 5_000_000, end });
console.log(JSON.stringify(h.actor));
db.client.close();
