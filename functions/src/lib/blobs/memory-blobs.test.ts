import { MemoryBlobStore } from './memory-blobs.js';
import { blobStoreContract } from '../../../test/contracts/blobs.js';

blobStoreContract('MemoryBlobStore', () => new MemoryBlobStore());
