export * from './queue.js';
export { BullmqQueue } from './bullmq.js';
export { InlineQueue } from './inline.js';
export { assertRedisReachable, redactUrl } from './redis-check.js';
export { onShutdown } from './shutdown.js';
export { openQueue } from './open.js';
