import { exposeCompute } from '../../ui/worker/exposeCompute';
import { fitPaths } from './fit';

exposeCompute(fitPaths);
