import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/load-config.js';
import { stopGracefullyOnSignals } from './common/lifecycle/shutdown-signals.js';
import { createApp } from './create-app.js';

function configOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One line naming the variable, never its value; a non-zero exit stops orchestrators retrying blindly.
    console.error(error.message);
    process.exit(1);
  }
}

const config = configOrExit();
const app = await createApp(config);
await app.listen({ port: config.port, host: '0.0.0.0' });
stopGracefullyOnSignals(app, config.shutdownGraceSeconds);
