// The files of a drop or a pick: a DataTransfer's entries taken in time, dropped folders walked depth-first within
// READ_LIMITS (files, depth), an `<input type=file>`'s list with the paths inside a chosen folder.
import type { Issue } from '../domain/types';
import { errorText } from './fetch-file';
import { READ_LIMITS } from './read-limits';

/** A file the user chose or dropped, before it is read: its path inside what was chosen, and its handle. */
export interface PickedFile {
  /** Path relative to what was chosen, e.g. `kursk/snapshots/2024-08-20.geojson` for a dropped folder. */
  path: string;
  file: File;
}

/** Files from an `<input type=file>` (with `webkitdirectory` each carries its path inside the folder). */
export function pickedFromFileList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** What a drop carried, taken synchronously: a DataTransfer's items are unreadable once the event is over. */
export interface DroppedItems {
  entries: FileSystemEntry[];
  files: File[];
}

/** Take the entries (files and folders) of a drop. Call it inside the `drop` handler, before any `await`. */
export function takeDroppedItems(dt: DataTransfer): DroppedItems {
  const out: DroppedItems = { entries: [], files: [] };
  const items = dt.items ? Array.from(dt.items) : [];
  if (items.length === 0) {
    out.files.push(...Array.from(dt.files));
    return out;
  }
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) out.entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) out.files.push(f);
    }
  }
  return out;
}

/** Walk dropped folders (depth-first, paths as in the drop) and list every file found, within READ_LIMITS. */
export async function pickedFromDrop(dropped: DroppedItems, issues: Issue[]): Promise<PickedFile[]> {
  const out: PickedFile[] = dropped.files.map((file) => ({ path: file.name, file }));
  let truncated = false;
  const visit = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (out.length >= READ_LIMITS.maxFiles) {
      truncated = true;
      return;
    }
    const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
    if (entry.isFile) {
      try {
        out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
      } catch (err) {
        issues.push({ file: path, reason: `could not be opened: ${errorText(err)}`, severity: 'error' });
      }
    } else if (entry.isDirectory) {
      if (depth >= READ_LIMITS.maxDepth) {
        issues.push({ file: path, reason: `folder nested more than ${READ_LIMITS.maxDepth} deep; not read`, severity: 'warning' });
        return;
      }
      let children: FileSystemEntry[];
      try {
        children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
      } catch (err) {
        issues.push({ file: path, reason: `folder could not be read: ${errorText(err)}`, severity: 'error' });
        return;
      }
      children.sort((a, b) => a.name.localeCompare(b.name));
      for (const c of children) await visit(c, depth + 1);
    }
  };
  for (const e of dropped.entries) await visit(e, 0);
  if (truncated)
    issues.push({ file: '(dropped files)', reason: `more than ${READ_LIMITS.maxFiles} files; only the first ${READ_LIMITS.maxFiles} were taken`, severity: 'warning' });
  return out;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A directory reader returns its entries in batches (100 at a time in Chromium) until an empty one. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
    if (all.length > READ_LIMITS.maxFiles) return all;
  }
}
