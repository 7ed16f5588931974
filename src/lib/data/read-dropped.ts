// Getting the bytes of a dataset a user brings: dropped files and folders, picked files or a folder, or a
// manifest URL. Nothing is uploaded: local files are read in this tab, URLs are fetched by the browser itself.
// Every file that cannot be used becomes an Issue; the others go on to the loading worker.
// What the Open data dialog takes, in one place; each part lives in its own module:
// drop-walk.ts (drops and picks), read-files.ts (reading them), fetch-dataset-url.ts (a URL), read-limits.ts
// (limits and progress), domain/camera-fit.ts (the camera that shows a dataset without a default view).
export { pickedFromDrop, pickedFromFileList, takeDroppedItems, type DroppedItems, type PickedFile } from './drop-walk';
export { readPickedFiles } from './read-files';
export { checkDatasetUrl, fetchDatasetByUrl, type UrlRefusal } from './fetch-dataset-url';
export { READ_LIMITS, type ReadProgress } from './read-limits';
export { cameraForSnapshots } from '../domain/camera-fit';
