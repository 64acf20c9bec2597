export { serialized } from '../../shared/serialized';
