/** PyTorch entries (torch, torchvision), gathered from the files of this folder. */
import type { KnowledgeEntry } from '../../types';

const entries: KnowledgeEntry[] = [];
export default entries;
