// Entry point of the server bundle: `node packages/serving/dist/server.js --model model.onnx`.
import { main } from '../main';

await main(process.argv.slice(2), process.env);
