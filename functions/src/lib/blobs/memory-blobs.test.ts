import { MemoryBlobStore } from './memory-blobs.js';
import { blobStoreContract } from './contract.js';

blobStoreContract('MemoryBlobStore', () => new MemoryBlobStore());
