import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { pointer } from '../diagnostics/diagnostic.js';
import { MAX_FILES_BYTES, type FileSource } from '../load/files.js';
import { FILES_VOLUME } from '../spec/files.js';

type Record_ = Record<string, unknown>;
type Report = (rule: DiagnosticCode, path: string, message: string) => void;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A service's `files`: each `{from}` was read (the load stage says why not), all of them fit in one ConfigMap,
 * and no volume takes the name of the files' volume.
 */
export function checkFiles(
  name: string,
  service: Record_,
  fileSources: ReadonlyMap<string, FileSource> | undefined,
  report: Report,
): void {
  const path = pointer('services', name);
  if (!isRecord(service.files)) return;
  let bytes = 0;
  for (const [file, value] of Object.entries(service.files)) {
    if (typeof value === 'string') bytes += Buffer.byteLength(value);
    if (!isRecord(value) || typeof value.from !== 'string') continue;
    const source = fileSources?.get(value.from) ?? {
      problem: 'was not read: hamesh reads `from` files when it loads the spec from a file',
    };
    if ('problem' in source) report(codes.fileSource.id, `${path}${pointer('files', file, 'from')}`, source.problem);
    else bytes += Buffer.byteLength(source.content);
  }
  if (bytes > MAX_FILES_BYTES) {
    report(
      codes.invalidValue.id,
      `${path}/files`,
      `hold ${bytes} bytes in all, more than the 1 MiB a ConfigMap can: mount the larger ones from a volume instead`,
    );
  }
  for (const field of ['volumes', 'storage'] as const) {
    if (isRecord(service[field]) && Object.hasOwn(service[field], FILES_VOLUME)) {
      report(
        codes.duplicateVolume.id,
        `${path}${pointer(field, FILES_VOLUME)}`,
        `has the name of the volume hamesh mounts \`files\` from: rename it`,
      );
    }
  }
}
