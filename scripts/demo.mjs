#!/usr/bin/env node
// STUB: placeholder until the demo pipeline is written (validate model -> build image -> deploy ->
// canary gate, against local emulators). scripts/demo.sh already bootstraps and runs this file;
// replace this body with the demo. Until then it says so and succeeds.
process.stdout.write('demo: not yet available\n');
