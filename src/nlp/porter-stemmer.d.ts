// natural ships no types for its per-stemmer files; the main entry must not be imported (it loads every model).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
