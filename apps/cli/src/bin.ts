#!/usr/bin/env node
import { runCli } from './cli';
import { processContext } from './context';

process.exitCode = await runCli(process.argv.slice(2), processContext(process.cwd()));
