// A user's claims CSVs among opened files: split from the dataset's files, decoded, read, merged on re-open.
import { describe, expect, it } from 'vitest';
import { isClaimsCsvName, mergeOwnClaims, mergeOwnClaimsIssues, ownClaimsNotice, readClaimsFiles, splitClaimsFiles } from './own-claims';

const enc = (s: string) => new TextEncoder().encode(s);
const CSV = 'date,claimant,value,unit\n2024-12-16,x,800,km2\n2024-12-16,y,12O,km2\n';

describe('own claims', () => {
  it('tells claims CSVs from the dataset’s files', () => {
    expect(isClaimsCsvName('a/b/My Claims.CSV')).toBe(true);
    expect(isClaimsCsvName('claims.json')).toBe(false);
    const files = [{ path: 'dataset.json' }, { path: 'claims.csv' }, { path: 'snapshots/2024-08-01.geojson' }];
    expect(splitClaimsFiles(files)).toEqual({ csv: [{ path: 'claims.csv' }], data: [{ path: 'dataset.json' }, { path: 'snapshots/2024-08-01.geojson' }] });
    const manifest = new TextEncoder().encode(JSON.stringify({ placeClaimsFile: 'place-claims.csv' }));
    const withPlaceClaims = [{ path: 'kursk/dataset.json', bytes: manifest }, { path: 'kursk/place-claims.csv' }, { path: 'kursk/mine.csv' }];
    // The dataset's own place claims stay with the dataset; any other CSV is a claims sheet.
    expect(splitClaimsFiles(withPlaceClaims).csv.map((f) => f.path)).toEqual(['kursk/mine.csv']);
  });

  it('reads each file, keeping good rows and naming bad ones; a file that is not UTF-8 is named with the fix', async () => {
    const r = await readClaimsFiles([
      { path: 'a.csv', bytes: enc(CSV) },
      { path: 'latin1.csv', bytes: new Uint8Array([0x64, 0x61, 0x74, 0x65, 0x0a, 0xe9, 0x0a]) },
    ]);
    expect(r.files).toEqual(['a.csv', 'latin1.csv']);
    expect(r.claims.map((c) => c.id)).toEqual(['a-csv-line-2']);
    expect(r.issues.map((i) => `${i.file}: ${i.reason}`)).toEqual([
      'a.csv: line 3, column "value": number expected, "12O" found',
      'latin1.csv: not UTF-8 text: save the spreadsheet as “CSV UTF-8” and open it again',
    ]);
    expect(ownClaimsNotice(r)).toBe('Added 1 claim from “a.csv”, “latin1.csv” to the claims panel, checked against the data shown; nothing was uploaded. 2 problems (bad rows are named by line and column) under “Data problems”.');
    expect(await readClaimsFiles([])).toEqual({ claims: [], issues: [], files: [] });
  });

  it('a file read again replaces its claims and issues; others stay', async () => {
    const first = await readClaimsFiles([{ path: 'a.csv', bytes: enc(CSV) }, { path: 'b.csv', bytes: enc('date,claimant,value,unit\n2024-12-17,z,900,km2\n') }]);
    const again = await readClaimsFiles([{ path: 'a.csv', bytes: enc('date,claimant,value,unit\n2024-12-16,x,800,km2\n2024-12-18,w,700,km2\n') }]);
    expect(mergeOwnClaims(mergeOwnClaims([], first), again).map((c) => c.id)).toEqual(['b-csv-line-2', 'a-csv-line-2', 'a-csv-line-3']);
    const datasetIssue = { file: 'snapshots/x.geojson', reason: 'r', severity: 'error' as const };
    expect(mergeOwnClaimsIssues(mergeOwnClaimsIssues([datasetIssue], first), again)).toEqual([datasetIssue]);
    expect(ownClaimsNotice({ claims: [], issues: [], files: ['e.csv'] })).toBe('No claim could be read from “e.csv”.');
  });
});
