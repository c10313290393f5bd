// Passkeys (WebAuthn) for the forms marked data-passkey="sign-in", "confirm" or "register". The server makes the
// options (ASP.NET Core Identity), the browser and authenticator do the ceremony, and the form posts the result as
// JSON in its CredentialJson field. Loaded as an external module, so the Content Security Policy needs no inline script.

const supported =
  typeof window.PublicKeyCredential === "function" &&
  typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
  typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

function showError(form, message) {
  const error = form.querySelector("[data-passkey-error]");
  if (error) {
    error.textContent = message;
    error.hidden = false;
  }
}

async function fetchOptions(form) {
  const token = form.querySelector("input[name='__RequestVerificationToken']").value;
  const response = await fetch(form.dataset.passkeyOptions, {
    method: "POST",
    headers: { RequestVerificationToken: token },
    credentials: "same-origin",
  });
  if (!response.ok) {
    throw new Error("The server could not start the passkey request (" + response.status + ").");
  }
  return response.json();
}

async function ceremony(form) {
  const options = await fetchOptions(form);
  if (form.dataset.passkey === "register") {
    return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
  }
  return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
}

for (const form of document.querySelectorAll("form[data-passkey]")) {
  if (!supported) {
    showError(form, "This browser cannot use passkeys.");
    continue;
  }
  form.addEventListener("submit", async (event) => {
    if (form.dataset.passkeyReady === "true") {
      return; // the credential is in the form: let it post
    }
    event.preventDefault();
    const button = form.querySelector("button[type='submit'], button:not([type])");
    if (button) {
      button.disabled = true;
    }
    try {
      const credential = await ceremony(form);
      form.querySelector("input[name='CredentialJson']").value = JSON.stringify(credential.toJSON());
      form.dataset.passkeyReady = "true";
      form.submit();
    } catch (error) {
      showError(form, error && error.name === "NotAllowedError"
        ? "The passkey request was cancelled or timed out. Try again."
        : "Your passkey could not be used: " + (error && error.message ? error.message : error));
    } finally {
      if (button) {
        button.disabled = false;
      }
    }
  });
}
