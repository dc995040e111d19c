import { exposeCompute } from '../../ui/worker/exposeCompute';
import { manyShares } from './draws';

exposeCompute(manyShares);
