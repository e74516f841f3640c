// The registry of rules, sorted by id. Ids are public: never rename one.
import captchaRequiresProxy from "./captcha-requires-proxy.js";
import countRange from "./count-range.js";
import customProxyMissingType from "./custom-proxy-missing-type.js";
import customProxyServer from "./custom-proxy-server.js";
import extraStealthRequiresAnchorProxy from "./extra-stealth-requires-anchor-proxy.js";
import initialUrlScheme from "./initial-url-scheme.js";
import jsonSyntax from "./json-syntax.js";
import knownProperty from "./known-property.js";
import minItems from "./min-items.js";
import noDisableWebSecurity from "./no-disable-web-security.js";
import noDuplicateIds from "./no-duplicate-ids.js";
import noDuplicateKeys from "./no-duplicate-keys.js";
import noPlaintextProxyCredentials from "./no-plaintext-proxy-credentials.js";
import numberRange from "./number-range.js";
import oneTimeUrlRequiresHeadful from "./one-time-url-requires-headful.js";
import onepasswordSecretReference from "./onepassword-secret-reference.js";
import onepasswordUnusedSecrets from "./onepassword-unused-secrets.js";
import popupBlockerRequiresAdblock from "./popup-blocker-requires-adblock.js";
import profilePersist from "./profile-persist.js";
import proxyCountry from "./proxy-country.js";
import proxyRegionCity from "./proxy-region-city.js";
import requiredProperty from "./required-property.js";
import strictJson from "./strict-json.js";
import timeoutOrder from "./timeout-order.js";
import validEnum from "./valid-enum.js";
import validFormat from "./valid-format.js";
import validType from "./valid-type.js";
import type { Rule } from "../rule.js";

export const allRules: readonly Rule[] = [
  captchaRequiresProxy,
  countRange,
  customProxyMissingType,
  customProxyServer,
  extraStealthRequiresAnchorProxy,
  initialUrlScheme,
  jsonSyntax,
  knownProperty,
  minItems,
  noDisableWebSecurity,
  noDuplicateIds,
  noDuplicateKeys,
  noPlaintextProxyCredentials,
  numberRange,
  oneTimeUrlRequiresHeadful,
  onepasswordSecretReference,
  onepasswordUnusedSecrets,
  popupBlockerRequiresAdblock,
  profilePersist,
  proxyCountry,
  proxyRegionCity,
  requiredProperty,
  strictJson,
  timeoutOrder,
  validEnum,
  validFormat,
  validType,
];
