// Prints the repository's model with its access rules replaced by one grant of every action to everyone, for
// the client tests about protocols (authorization has its own tests). Usage: node open-schema.mjs schema.graphql
import { readFileSync } from 'node:fs';

const grant = '@allow(to: [READ, CREATE, UPDATE, DELETE], roles: ["anonymous"])';
const text = readFileSync(process.argv[2], 'utf8')
  // A rule's arguments never contain parentheses, so the first ')' closes it; declarations are kept.
  .replace(/(?<!directive )@allow\([^()]*\)/g, '')
  .replace(/@collection\b/g, `@collection ${grant}`);
process.stdout.write(text);
