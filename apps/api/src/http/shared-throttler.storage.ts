import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { QueueThrottlerStorage } from './queue-throttler.storage';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** longer than this, Redis counts as not answering: a request never waits on it for more */
const COMMAND_TIMEOUT_MS = 200;
/** after Redis failed to answer, requests are counted locally for this long before it is asked again */
const RETRY_AFTER_MS = 1000;

/**
 * The hit counts of every API instance in one Redis (REDIS_URL), through the throttler's storage
 * interface (`@nest-lab/throttler-storage-redis`): a token's limit holds for the cluster, not per
 * instance. Each hit is also counted in this instance's memory, so when Redis does not answer the
 * request is limited by this instance's own count (per-instance limits, as without Redis), never
 * failed. Disconnected, ioredis queues nothing and fails at once; connected but silent (a stopped
 * process, a dropped network), a request waits at most 200 ms, and for a second after that none
 * asks Redis at all. One warning when that starts, one line when Redis answers again.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new QueueThrottlerStorage();
  private degraded = false;
  private skipUntil = 0;

  constructor(
    url: string,
    private readonly logger = new Logger('RateLimit'),
  ) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 1000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.redis.on('error', () => undefined); // each reconnect fails with one: the warning below says it once
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  /** where the last request was counted: in Redis for the cluster, or (Redis not answering) by this instance alone */
  get counting(): 'cluster' | 'instance' {
    return this.degraded ? 'instance' : 'cluster';
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<StorageRecord> {
    const local = await this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    if (this.degraded && (Date.now() < this.skipUntil || this.redis.status !== 'ready')) return local;
    try {
      const shared = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.degraded) {
        this.degraded = false;
        this.logger.log(`Redis at ${where(this.redis)} answers again: rate limits hold for the cluster again`);
      }
      return shared;
    } catch (error) {
      this.skipUntil = Date.now() + RETRY_AFTER_MS;
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(
          `Redis at ${where(this.redis)} does not answer (${(error as Error).message}): rate limits are per instance until it does`,
        );
      }
      return local;
    }
  }

  /** after the HTTP server has closed, so the requests it drained were still counted in Redis */
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** host:port, never who */
function where(redis: Redis): string {
  return `${redis.options.host ?? '127.0.0.1'}:${redis.options.port ?? 6379}`;
}
