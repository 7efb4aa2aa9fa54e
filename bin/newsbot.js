#!/usr/bin/env node
// Runs the TypeScript sources directly, so an install needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
