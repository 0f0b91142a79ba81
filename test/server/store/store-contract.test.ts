import { describe } from 'vitest';
import { storeContract } from './store-contract.ts';
import { storeFactories } from './store-factories.ts';

describe.each(storeFactories.map((make) => make()))('the $name store', (factory) => {
  storeContract(factory);
});
