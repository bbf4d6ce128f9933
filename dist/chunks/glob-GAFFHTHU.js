import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  create,
  hashFiles
} from "./chunk-JWE4LPHA.js";
import "./chunk-MY3REOT7.js";
import "./chunk-JO4DLYHU.js";
export {
  create,
  hashFiles
};
