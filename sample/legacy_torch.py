"""Older PyTorch idioms that still run but have modern replacements."""
import torch
import torch.nn.functional as F
from torch.autograd import Variable

x = Variable(torch.randn(4, 3), volatile=True)
y = F.sigmoid(x) + F.tanh(x)
up = F.upsample(torch.randn(1, 1, 4, 4), scale_factor=2)

scaler = torch.cuda.amp.GradScaler()
with torch.cuda.amp.autocast():
    z = x @ x.T
