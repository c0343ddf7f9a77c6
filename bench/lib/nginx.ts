/** nginx (Debian package) as the baseline: a foreground child on 127.0.0.1 serving fixed bytes as static files. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, start, waitFor200 } from './proc.ts';

export const NGINX = '/usr/sbin/nginx';

/** Files to serve: URL path → exact bytes (served as application/json). */
export type StaticFiles = Record<string, Buffer>;

/** Writes the files and a config, starts nginx with one worker, and waits until it answers. */
export async function startNginx(work: string, files: StaticFiles): Promise<{ child: ChildProcess; port: number }> {
  const root = join(work, 'www');
  // Started as root, nginx's workers run as 'nobody': every directory on the way to the files must be readable.
  for (let dir = work; dir !== dirname(dir) && dir.startsWith('/tmp/'); dir = dirname(dir)) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
  }
  for (const [path, body] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  const port = await freePort();
  const conf = join(work, 'nginx.conf');
  // One worker: the same single core a Node.js process uses. Temp paths inside the work dir so no root is needed.
  writeFileSync(conf, `
daemon off;
master_process on;
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(work, 'nginx-tmp')};
  proxy_temp_path ${join(work, 'nginx-tmp')};
  fastcgi_temp_path ${join(work, 'nginx-tmp')};
  uwsgi_temp_path ${join(work, 'nginx-tmp')};
  scgi_temp_path ${join(work, 'nginx-tmp')};
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  etag on;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { try_files $uri =404; }
  }
}
`);
  mkdirSync(join(work, 'nginx-tmp'), { recursive: true });
  const child = start(NGINX, ['-c', conf, '-p', work, '-e', join(work, 'nginx-error.log')], { logFile: join(work, 'nginx.out') });
  await waitFor200(`http://127.0.0.1:${port}${Object.keys(files)[0]}`, child, performance.now(), 10_000);
  return { child, port };
}
