#!/usr/bin/env node
// Runs the TypeScript sources directly, so an install needs no build step.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings from ./.env, when there is one; variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

register();
await import('../adapters/main.ts');
