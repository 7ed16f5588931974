// Maintainers' check of the claims ledger against the articles it was read from: every quote must stand verbatim
// in its seed file. The articles are the outlets' copyright and stay outside the repository, so this is run by hand
// after editing the ledger, like the import scripts, not by the test suite:
//   npm run claims:quotes -- <folder with the seed articles> [geodata/kursk/claims.json]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { printable } from './lib/printable';

interface LedgerClaim {
  id: string;
  quote: string;
  source: { seedFile: string };
}

const [seedsDir, ledgerPath = 'geodata/kursk/claims.json'] = process.argv.slice(2);
if (seedsDir === undefined) {
  console.error('usage: npm run claims:quotes -- <seeds folder> [claims.json]');
  process.exit(2);
}
const ledger = JSON.parse(readFileSync(resolve(ledgerPath), 'utf8')) as { claims: LedgerClaim[] };
const texts = new Map<string, string>();
let missing = 0;
for (const claim of ledger.claims) {
  const file = claim.source.seedFile;
  if (!texts.has(file)) texts.set(file, readFileSync(join(resolve(seedsDir), file), 'utf8'));
  if (!texts.get(file)!.includes(claim.quote)) {
    missing += 1;
    console.log(`${printable(claim.id)}: quote not found verbatim in ${printable(file)}`);
  }
}
console.log(`${ledger.claims.length - missing} of ${ledger.claims.length} quotes found verbatim in ${texts.size} seed articles`);
process.exit(missing === 0 ? 0 : 1);
