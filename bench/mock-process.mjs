// Starts the mock server in its own process (so it does not share the client's event loop) and returns its URL.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export function startMockProcess() {
  const cli = fileURLToPath(new URL('../packages/mock-server/dist/cli.js', import.meta.url))
  const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('mock server did not start within 10 s')), 10_000)
    child.stdout.on('data', (d) => {
      out += d
      const m = out.match(/listening on (http:\/\/\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve({ url: m[1], baseURL: `${m[1]}/v1`, close: () => child.kill() })
      }
    })
    child.on('exit', (code) => reject(new Error(`mock server exited with ${code}`)))
  })
}
