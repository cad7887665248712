import { describe, expect, it } from 'vitest';
import { displayMongoUrl, mongoUrlDbName, scrubCredentials } from '../../../src/store/mongo-url.js';

describe('showing a MONGO_URL without its secrets', () => {
  it('keeps scheme and hosts, drops user, password, database and options', () => {
    expect(displayMongoUrl('mongodb://alice:pw@db1:27017,db2:27018/earshot?authSource=admin')).toBe('mongodb://db1:27017,db2:27018');
    expect(displayMongoUrl('mongodb+srv://bob:x@cluster0.example.net/')).toBe('mongodb+srv://cluster0.example.net');
    expect(displayMongoUrl('http://alice:pw@host')).toBe('not a mongodb URL');
  });

  it('reads the database name from the path', () => {
    expect(mongoUrlDbName('mongodb://h:1/earshot_prod?x=1')).toBe('earshot_prod');
    expect(mongoUrlDbName('mongodb://h:1/')).toBeUndefined();
    expect(mongoUrlDbName('mongodb://h:1')).toBeUndefined();
  });

  it('scrubs credentials a driver message might echo, encoded or not', () => {
    const url = 'mongodb://alice:p%40ssw0rd@h:1';
    expect(scrubCredentials('auth failed for alice with p@ssw0rd at mongodb://alice:p%40ssw0rd@h:1', url)).toBe(
      'auth failed for *** with *** at mongodb://***@h:1',
    );
  });
});
