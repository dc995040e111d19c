import { exposeCompute } from '../../ui/worker/exposeCompute';
import { createTrainingSession } from './train';

exposeCompute(createTrainingSession());
