#!/usr/bin/env node
import { runCli } from './cli';
import { processContext } from './context';
import { guardProcess } from './process-guards';

guardProcess();
process.exitCode = await runCli(process.argv.slice(2), processContext(process.cwd()));
