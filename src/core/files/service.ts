import type { FileService, Platform } from '../platform.ts';

// STUB — replaced by the files work (content-checked uploads, filesystem or S3, SHA-256).
export function createFileService(_platform: Platform): FileService {
  return {
    store: async () => { throw new Error('not implemented'); },
    read: async () => { throw new Error('not implemented'); },
  };
}
