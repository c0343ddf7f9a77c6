import { buildApp, type BuildOptions, type Yakuba } from './app.ts';

/** Starts the platform: builds the app, starts the job runner and listens on PORT. */
export async function startServer(options: BuildOptions = {}): Promise<Yakuba> {
  const yakuba = await buildApp(options);
  const { app, platform } = yakuba;
  const { config } = platform;
  await app.listen({ port: config.port, host: config.host });
  if (config.jobsEnabled) yakuba.jobs.start();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await yakuba.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return yakuba;
}
