/** The pod volume a service's `files` are mounted from (its ConfigMap); no `volumes` or `storage` entry may take the name. */
export const FILES_VOLUME = 'hamesh-files';
