import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

const TEMURIN = '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java'
const HEALTH_TIMEOUT_MS = 90_000

function javaBinary(): string {
  const home = process.env['JAVA_HOME']
  if (home) return join(home, 'bin', 'java')
  return existsSync(TEMURIN) ? TEMURIN : 'java'
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.unref()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
    return response.status === 200
  } catch {
    return false
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      done()
    })
    child.kill('SIGTERM')
  })
}

/** Starts a throw-away Stormdesk server (demo users, empty data) for the whole run; stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const jar = resolve(process.env['STORMDESK_JAR'] ?? '../backend/target/stormdesk.jar')
  if (!existsSync(jar)) {
    throw new Error(`No server jar at ${jar}: build the backend first (mvn package in backend/) or set STORMDESK_JAR.`)
  }
  const workDir = mkdtempSync(join(tmpdir(), 'stormdesk-e2e-'))
  const dataDir = join(workDir, 'data')
  const logFile = join(workDir, 'server.log')
  // The server runs from its own copy: a rebuild of the jar during the run cannot pull it from under the JVM.
  const runJar = join(workDir, 'stormdesk.jar')
  copyFileSync(jar, runJar)
  mkdirSync(dataDir)
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`

  const log = createWriteStream(logFile)
  const child = spawn(
    javaBinary(),
    ['-Dmicronaut.environments=demo', '-jar', runJar, `--micronaut.server.port=${port}`, `--stormdesk.data-dir=${dataDir}`],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  // Should the run be cut short, the server goes with it.
  const orphan = () => child.kill('SIGKILL')
  process.once('exit', orphan)

  const teardown = async () => {
    process.off('exit', orphan)
    await stop(child)
    log.end()
    if (process.env['STORMDESK_E2E_KEEP'] !== '1') rmSync(workDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (!(await healthy(`${baseUrl}/health`))) {
    if (exited || Date.now() > deadline) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf-8').split('\n').slice(-40).join('\n') : ''
      await teardown()
      throw new Error(`The server did not become healthy at ${baseUrl} (${exited ? 'it exited' : 'timed out'}):\n${tail}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }

  project.provide('baseUrl', baseUrl)
  return teardown
}
