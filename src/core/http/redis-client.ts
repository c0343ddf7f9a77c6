import { Redis } from 'ioredis';

/** Connects to Redis for shared rate limits; fails fast so a wrong REDIS_URL is seen at start. */
export async function createClient(url: string): Promise<Redis> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 2000 });
  await client.connect();
  return client;
}
