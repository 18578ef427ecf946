// Digital Bazaar's verifier libraries ship no types; the independent-verifier test uses a few calls only.
declare module "jsonld-signatures";
declare module "@digitalbazaar/data-integrity";
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
