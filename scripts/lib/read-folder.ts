// Reads the data files of a dataset folder for the command line (validate, figures, build:data) as if the folder were
// hostile: every entry is looked at with lstat before anything is opened, links that leave the folder, links to
// folders and anything that is not a regular file are refused, sizes are checked before reading, and each refused
// entry is an Issue naming it; the rest is read. The same limits as a folder given to the app (limits.ts).
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Issue } from '../../src/lib/domain/types';
import type { DatasetFile } from '../../src/lib/data/dataset-files';
import { isDataFileName, SNAPSHOT_STORE_PATTERN } from '../../src/lib/data/convert/formats';
import { MAX_FILE_BYTES, MAX_FOLDER_DEPTH, MAX_FOLDER_FILES, overSizeLimit } from '../../src/lib/domain/limits';

/** Folders never read as data. */
const SKIP_DIRS = new Set(['node_modules', '.git']);
/** A place-claims or claims sheet a manifest may name is CSV, a snapshot store gzip; the other data files are what the converters read. */
const isFolderDataFile = (name: string): boolean => isDataFileName(name) || /\.csv$/i.test(name) || SNAPSHOT_STORE_PATTERN.test(name);

/** Limits of one read; defaults as in the app. */
export interface FolderReadOptions {
  maxBytes?: number;
  maxFiles?: number;
  maxDepth?: number;
}

/** The data files read, and an Issue for every entry refused. */
export interface FolderRead {
  files: DatasetFile[];
  issues: Issue[];
}

/** What an entry is, in words, for the reason it is refused. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Read every data file (GeoJSON, the converters' formats, CSV) under `dir`, hidden entries and SKIP_DIRS left out, paths relative to
 * `dir` with forward slashes. Never throws on what the folder holds; throws only when `dir` itself cannot be listed.
 */
export function readDatasetFolder(dir: string, opts: FolderReadOptions = {}): FolderRead {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const maxFiles = opts.maxFiles ?? MAX_FOLDER_FILES;
  const maxDepth = opts.maxDepth ?? MAX_FOLDER_DEPTH;
  const root = realpathSync(dir);
  const files: DatasetFile[] = [];
  const issues: Issue[] = [];
  let seen = 0;
  let truncated = false;
  const refuse = (rel: string, reason: string, severity: Issue['severity'] = 'error') => issues.push({ file: rel, reason, severity });
  const inside = (real: string) => real === root || real.startsWith(root + sep);

  const walk = (d: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (e) {
      refuse(relative(root, d).split(sep).join('/') || '.', `folder could not be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      if (seen >= maxFiles) {
        truncated = true;
        return;
      }
      seen++;
      const p = join(d, name);
      const rel = relative(root, p).split(sep).join('/');
      let st: Stats;
      try {
        st = lstatSync(p);
      } catch (e) {
        refuse(rel, `could not be looked at: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        continue;
      }
      let real = p;
      if (st.isSymbolicLink()) {
        try {
          real = realpathSync(p);
        } catch (e) {
          refuse(rel, `a symbolic link that cannot be followed (${(e as NodeJS.ErrnoException).code ?? String(e)}); not read`);
          continue;
        }
        if (!inside(real)) {
          refuse(rel, 'a symbolic link to outside the folder; not followed');
          continue;
        }
        st = statSync(real);
        if (st.isDirectory()) {
          // A link to a folder inside the folder would read it twice, or for ever (a link to ".").
          refuse(rel, 'a symbolic link to a folder; not followed', 'warning');
          continue;
        }
      }
      if (st.isDirectory()) {
        if (depth >= maxDepth) refuse(rel, `folder nested more than ${maxDepth} deep; not read`, 'warning');
        else walk(p, depth + 1);
        continue;
      }
      // Only data files: the loader looks at nothing else, and a folder may hold large unrelated files.
      if (!isFolderDataFile(name)) continue;
      if (!st.isFile()) {
        refuse(rel, `${kindOf(st)}, not a regular file; not read`);
        continue;
      }
      if (st.size > maxBytes) {
        refuse(rel, overSizeLimit(st.size, maxBytes));
        continue;
      }
      const read = readBounded(real, maxBytes);
      if (typeof read === 'string') refuse(rel, read);
      else files.push({ path: rel, bytes: read });
    }
  };
  walk(root, 0);
  if (truncated) refuse('(folder)', `more than ${maxFiles} entries; only the first ${maxFiles} were looked at`, 'warning');
  return { files, issues };
}

/**
 * Read at most `maxBytes` of a file that lstat said is regular: opened without following a link and without
 * blocking (a FIFO swapped in meanwhile cannot hang the run), checked again on the open descriptor, and read no
 * further than the limit, so a file that grows while it is read cannot exhaust memory.
 */
function readBounded(path: string, maxBytes: number): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return `could not be opened: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return `${kindOf(st)}, not a regular file; not read`;
    if (st.size > maxBytes) return overSizeLimit(st.size, maxBytes);
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
      if (n > maxBytes) return overSizeLimit(n, maxBytes);
      if (n === buf.length) return 'grew while it was read; not read (read it again when it is complete)';
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } catch (e) {
    return `could not be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  } finally {
    closeSync(fd);
  }
}

/**
 * Read one file a manifest names, inside `dir`, with the same checks as {@link readDatasetFolder}: a link out of the
 * folder, a non-regular file or one over the size limit is refused with the reason (for build:data and other tools
 * that read a dataset file by file).
 */
export function readDatasetFile(dir: string, relPath: string, maxBytes: number = MAX_FILE_BYTES): { ok: true; bytes: Uint8Array } | { ok: false; issue: Issue } {
  const refuse = (reason: string) => ({ ok: false as const, issue: { file: relPath, reason, severity: 'error' as const } });
  const root = realpathSync(dir);
  let real: string;
  try {
    real = realpathSync(join(root, relPath));
  } catch (e) {
    return refuse(`could not be opened: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!(real === root || real.startsWith(root + sep))) return refuse('a symbolic link to outside the folder; not followed');
  const read = readBounded(real, maxBytes);
  return typeof read === 'string' ? refuse(read) : { ok: true, bytes: read };
}
